// Quick-tender amounts for cash: the exact amount, then what a customer is likely to hand over
// (the next whole unit, and the next multiple of the common notes), at most five buttons.
const notes = [1, 5, 10, 20, 50, 100];

export function quickTenders(due: number, fractionDigits: number): number[] {
  if (due <= 0) return [];
  // Currencies without minor units (JPY) have notes of hundreds and thousands.
  const unit = fractionDigits === 0 ? 100 : 10 ** fractionDigits;
  const above = notes.map((n) => Math.ceil(due / (n * unit)) * n * unit).filter((a) => a > due);
  return [due, ...new Set(above)].sort((a, b) => a - b).slice(0, 5);
}
