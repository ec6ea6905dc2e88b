/** The export is a file download (Content-Disposition: attachment): a plain link, with the session cookie. */
export const frameworkExportHref = (periodeId: string) =>
  `/api/periode/${encodeURIComponent(periodeId)}/framework/export`;
