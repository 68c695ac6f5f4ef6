/** Stand-in for dotenv (not installed): the test passes the database itself, there is no .env to read. */
export function config(): { parsed: Record<string, string> } {
  return { parsed: {} };
}
