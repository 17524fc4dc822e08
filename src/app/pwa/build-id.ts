// Which build this page runs, set at build time (VITE_TILL_BUILD), so a deployment can be told
// apart from the one before it (the update spec deploys a second build while a page is open).
export const BUILD_ID: string = (import.meta.env.VITE_TILL_BUILD as string | undefined) ?? 'local';
