import type { Figure } from "@/lib/partners/report";

export const FIGURE_LABELS: Record<Figure, string> = {
  earned: "Earned",
  reversed: "Reversed",
  clawedBack: "Clawed back",
  paid: "Paid",
  due: "Due now",
  held: "Held now",
};
