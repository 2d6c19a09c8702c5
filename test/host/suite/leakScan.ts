// Searching for secret markers: every file under a folder and every text the product showed.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Marker {
  label: string;
  value: string;
}

export interface Finding {
  marker: string;
  where: string;
  context: string;
}

/** The forms a secret can take in text: as is, and URL-encoded (form bodies, query strings). */
function forms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value)])];
}

export function findMarkers(text: string | Buffer, where: string, markers: readonly Marker[]): Finding[] {
  const haystack = typeof text === 'string' ? text : text.toString('latin1');
  const findings: Finding[] = [];
  for (const marker of markers) {
    for (const form of forms(marker.value)) {
      const at = haystack.indexOf(typeof text === 'string' ? form : Buffer.from(form).toString('latin1'));
      if (at >= 0)
        findings.push({
          marker: marker.label,
          where,
          context: haystack.slice(Math.max(0, at - 60), at + form.length + 20).replace(/\s+/g, ' '),
        });
    }
  }
  return findings;
}

/** Every regular file under `root`, except those `skip` names (relative paths with /). */
export function filesUnder(root: string, skip: (relative: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (skip(relative)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(root);
  return files;
}

export function scanFiles(files: readonly string[], markers: readonly Marker[]): Finding[] {
  return files.flatMap((file) => findMarkers(fs.readFileSync(file), file, markers));
}
