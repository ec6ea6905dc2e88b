/** A file download (Content-Disposition: attachment) through a plain link with the session cookie. */
export const usersExportHref = '/api/users/export.csv';
