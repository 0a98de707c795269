// AV sends sizes, volume and open interest as whole-number strings.
export function whole(x: number): string {
  return String(Math.max(0, Math.round(x)));
}
