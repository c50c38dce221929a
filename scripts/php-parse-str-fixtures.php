<?php
// Regenerates lib/justclick/__fixtures__/php-parse-str.json: bodies and what PHP's own parse_str() makes
// of them, so the TypeScript parser is tested against PHP without needing PHP at test time.
// Run: php -d max_input_vars=100000 scripts/php-parse-str-fixtures.php > lib/justclick/__fixtures__/php-parse-str.json
// (PHP itself truncates at max_input_vars, 1000 by default: the 80-item body needs more.)
// Needs PHP 8 (the fixtures come from PHP 8.2, Debian 12: apt-get install php-cli). Bodies built with http_build_query are what a PHP
// sender such as JustClick produces.

function canonical($v) {
    if (!is_array($v)) return $v;
    $out = [];
    foreach ($v as $k => $x) $out[] = [$k, canonical($x)];
    return ['php_array' => $out];
}

function item($i, $partners) {
    $item = ['id' => "product_$i", 'title' => "Товар №$i «Тест» & co", 'sum' => (string)(100 + $i) . '.50', 'price' => '990', 'pincode' => ''];
    for ($p = 0; $p < $partners; $p++) {
        $item['partners'][] = ['partner_lvl' => (string)($p + 1), 'partner_id' => (string)(100000 + $p), 'partner_name' => "partner_$p", 'partner_fee' => '10'];
    }
    return $item;
}

function order($items, $partners) {
    $o = ['id' => '48120099', 'first_name' => 'Анна', 'email' => 'anna+test@example.com', 'phone' => '+7 (900) 000-00-01',
          'comment' => "строка 1\r\nстрока 2 \"кавычки\" 'апостроф' = & ? #", 'created' => '1718003521', 'paid' => '1718003907',
          'last_payment_sum' => '990', 'middle_name' => null, 'utm' => ['source' => 'yandex', 'medium' => 'cpc'], 'items' => []];
    for ($i = 0; $i < $items; $i++) $o['items'][] = item($i, $partners);
    return $o;
}

$bodies = [
    'a=1&b=2',
    'a=1&a=2',
    'a[]=1&a[]=2&a[5]=x&a[]=y',
    'a[x]=1&a[x][y]=2',
    'a[x][y]=2&a[x]=1',
    'a.b=1&a b=2& c=3&  d.e[f.g]=4',
    'a[b=1&c[d][e=2&f[=3&g]=4',
    'a[b]c=1&a[d]]=2&a[ ]=3&a[ x]=4',
    '=1&[a]=2&&&x&y=&z=%',
    'p=%41%zz%4&q=a+b%2Bc&r=%D0%90%d0%b1',
    'n[007]=a&n[7]=b&n[-3]=c&n[-0]=d&n[9223372036854775807]=e&n[9223372036854775808]=f',
    'items%5B0%5D%5Bid%5D=x&items%5B0%5D%5Bsum%5D=1&items%5B1%5D%5Bid%5D=y',
    'items[1][id]=b&items[0][id]=a',
    'x[a][b][c][d][e][f][g]=deep',
    'a%00b=1&c=2%003&d[x%00y]=4',
    "a=1&b=2\0&c=3",
    '__proto__[email]=x&email=y&constructor[prototype][z]=1',
    'n[-5]=a&n[]=b',
    str_repeat('l[]=v&', 3000) . 'l[]=last',
    http_build_query(order(1, 0)),
    http_build_query(order(25, 0)),
    http_build_query(order(80, 2)),
];
foreach (glob(__DIR__ . '/../lib/justclick/__fixtures__/samples/*.txt') ?: [] as $f) {
    $lines = file($f, FILE_IGNORE_NEW_LINES);
    $bodies[] = $lines[2];
}

$cases = [];
foreach ($bodies as $body) {
    parse_str($body, $result);
    $cases[] = ['body' => $body, 'php' => canonical($result)];
}
echo json_encode(['php' => PHP_VERSION, 'cases' => $cases], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
