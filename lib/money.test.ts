import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney, toDecimalString } from "./money";

describe("parseMoney (JustClick sends decimal strings, both 990 and 1499.50)", () => {
  it.each([
    ["990", 99000],
    ["1499.50", 149950],
    ["1499.5", 149950],
    ["0", 0],
    ["0.01", 1],
    ["0990", 99000],
    ["9999999999.99", 999999999999],
  ])("%s -> %i minor units", (text, minor) => {
    expect(parseMoney(text)).toBe(minor);
  });

  it.each(["", "-5", "1,50", "1.505", ".5", "5.", "1e3", " 990", "990 ", "1 499", "NaN", "0x10", "+5", "10000000000"])(
    "refuses %j instead of guessing",
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );

  it("is exact where floats are not (0.1 + 0.2)", () => {
    expect(parseMoney("0.10")! + parseMoney("0.20")!).toBe(parseMoney("0.30"));
  });
});

describe("toDecimalString", () => {
  it.each([
    [149950, "1499.50"],
    [5, "0.05"],
    [0, "0.00"],
    [-500, "-5.00"],
    [999999999999999, "9999999999999.99"],
  ])("%i -> %s", (minor, text) => {
    expect(toDecimalString(minor)).toBe(text);
  });

  it("refuses fractions of a minor unit", () => {
    expect(() => toDecimalString(1.5)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats in the shop's currency and locale", () => {
    expect(formatMoney(149950, "RUB", "ru-RU")).toBe("1\u00a0499,50\u00a0₽");
    expect(formatMoney(99000, "RUB", "ru-RU")).toBe("990\u00a0₽");
    expect(formatMoney(149950, "USD", "en-US")).toBe("$1,499.50");
    expect(formatMoney(-500, "USD", "en-US")).toBe("-$5");
  });
});
