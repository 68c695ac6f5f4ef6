/** Stand-in for lodash (not installed): kebabCase, which the models call in @BeforeInsert hooks only. */
export function kebabCase(value: string): string {
  return value
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .join('-')
    .toLowerCase();
}
export default { kebabCase };
