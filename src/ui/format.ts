/** Km with two decimals, the precision every figure of the tool is shown at. */
export function km(value: number): string {
  return `${value.toFixed(2)} km`;
}

export function chainage(value: number): string {
  return `km ${value.toFixed(2)}`;
}
