/**
 * Each build's folders are its own: two builds get two run folders, and the private report of a
 * build goes under reports/, named after its output folder, never beside the site.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolders, newRunId, REPO_DIR, reportsDir, RUNS_DIR } from './build-folders.ts';

describe('the folders of a build', () => {
  it("are the run's own: staging and search beside the output, root and generated folder under .build/runs/", () => {
    const [a, b] = [newRunId(), newRunId()];
    expect(a).not.toBe(b);
    const f = buildFolders('/srv/site', a);
    expect(f).toEqual({
      out: '/srv/site',
      staging: `/srv/site.staging-${a}`,
      search: `/srv/site.search-${a}`,
      root: join(RUNS_DIR, a),
      generated: join(RUNS_DIR, a, 'generated'),
      reports: reportsDir('/srv/site'),
      ownRun: true,
    });
    expect(buildFolders('/srv/site', b).generated).not.toBe(f.generated);
  });

  it('are shared by --only runs of one output folder, and differ between output folders', () => {
    const [x, y] = [buildFolders('/srv/x', undefined), buildFolders('/srv/y', undefined)];
    expect(x).toMatchObject({ staging: '/srv/x.staging', search: '/srv/x.search', ownRun: false });
    expect(x.root).toBe(buildFolders('/srv/x', undefined).root);
    expect(x.root).not.toBe(y.root);
  });

  it("keep the private report under reports/: by the output folder's path in the repository, or its name and a hash", () => {
    expect(reportsDir(join(REPO_DIR, 'dist'))).toBe(join(REPO_DIR, 'reports', 'dist'));
    expect(reportsDir(join(REPO_DIR, '.build', 'site'))).toBe(join(REPO_DIR, 'reports', '.build', 'site'));
    expect(reportsDir('/srv/www/site')).toMatch(
      new RegExp(`^${join(REPO_DIR, 'reports', 'elsewhere')}/site-[0-9a-f]{8}$`),
    );
    expect(reportsDir('/srv/www/site')).not.toBe(reportsDir('/srv/old/site'));
  });
});
