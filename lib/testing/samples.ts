import fs from "node:fs";
import path from "node:path";

const dir = path.join(import.meta.dirname, "../justclick/__fixtures__/samples");

export interface Sample {
  name: string;
  secret: string;
  expect: string;
  body: string;
}

/** The bundled sample notifications: line 1 the secret, line 2 what a correct receiver records, line 3 the body. */
export function loadSamples(): Record<string, Sample> {
  const out: Record<string, Sample> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const [secret = "", expect = "", body = ""] = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
    const name = file.replace(/\.txt$/, "");
    out[name] = { name, secret: secret.replace(/^# secret: /, ""), expect: expect.replace(/^# expect: /, ""), body };
  }
  return out;
}
