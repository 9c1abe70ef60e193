/** Saves text as a file the user downloads: the browser's own download, no permission needed. */
export function downloadText(chunks: BlobPart[], fileName: string, type = 'application/x-ndjson'): void {
  const url = URL.createObjectURL(new Blob(chunks, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
