/** The download link of a finished job's file (the browser sends the session cookie with it). */
export const jobFileHref = (id: string) => `/api/jobs/${encodeURIComponent(id)}/file`;
