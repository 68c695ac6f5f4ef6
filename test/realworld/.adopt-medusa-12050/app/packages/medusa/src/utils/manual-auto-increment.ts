export async function manualAutoIncrement(
  tableName: string
): Promise<number | null> {
  return null
}
