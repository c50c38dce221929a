import { describe, expect, it } from "vitest";
import fixtures from "./__fixtures__/php-parse-str.json";
import { PARSE_LIMITS, ParseError, isIntegerKey, parseStr, toPlain, type PhpValue } from "./parse-str";

// The same canonical form scripts/php-parse-str-fixtures.php prints for PHP's result:
// arrays as ordered [key, value] pairs, integer keys as numbers, strings decoded as UTF-8.
function canonical(v: PhpValue): unknown {
  if (typeof v === "string") return Buffer.from(v, "latin1").toString("utf8");
  return {
    php_array: [...v].map(([k, x]) => [isIntegerKey(k) ? Number(k) : k, canonical(x)]),
  };
}

describe("parseStr matches PHP's parse_str", () => {
  it.each(fixtures.cases.map((c) => [c.body.slice(0, 60), c] as const))("%s", (_name, c) => {
    expect(canonical(parseStr(c.body))).toEqual(c.php);
  });

  it("parses 80 items with two partners each completely (no generic-parser truncation)", () => {
    const big = fixtures.cases.find((c) => c.body.includes("items%5B79%5D%5Bpartners%5D%5B1%5D"));
    expect(big).toBeDefined();
    const items = toPlain(parseStr(big!.body).get("items")!) as { partners: unknown[] }[];
    expect(items).toHaveLength(80);
    expect(items.every((i) => i.partners.length === 2)).toBe(true);
  });
});

describe("parseStr refuses what PHP would silently drop", () => {
  it("refuses more pairs than the limit instead of truncating", () => {
    const body = Array.from({ length: PARSE_LIMITS.maxPairs + 1 }, (_, i) => `k${i}=v`).join("&");
    expect(() => parseStr(body)).toThrow(ParseError);
  });

  it("refuses keys nested deeper than PHP's max_input_nesting_level", () => {
    expect(() => parseStr("a" + "[x]".repeat(PARSE_LIMITS.maxDepth + 1) + "=1")).toThrow(/nests deeper/);
    expect(() => parseStr("a" + "[x]".repeat(PARSE_LIMITS.maxDepth) + "=1")).not.toThrow();
  });
});

describe("toPlain", () => {
  it("keeps __proto__ an ordinary key", () => {
    const plain = toPlain(parseStr("__proto__[email]=x&constructor[prototype][y]=1")) as Record<string, unknown>;
    expect(plain.email).toBeUndefined();
    expect(Object.keys(plain)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it("turns integer-keyed arrays into lists in PHP iteration order and others into objects", () => {
    expect(toPlain(parseStr("items[1][id]=b&items[0][id]=a&utm[source]=x"))).toEqual({
      items: [{ id: "b" }, { id: "a" }],
      utm: { source: "x" },
    });
  });
});
