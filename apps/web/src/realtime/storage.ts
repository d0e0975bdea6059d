/** localStorage that never throws (private mode, full quota): the app keeps working, it just forgets. */
export const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // ignore
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // ignore
    }
  },
};

export const keys = {
  token: (code: string) => `fokus:token:${code}`,
  pending: (code: string) => `fokus:pending:${code}`,
  facilitator: (code: string) => `fokus:key:${code}`,
  consoles: 'fokus:consoles',
};
