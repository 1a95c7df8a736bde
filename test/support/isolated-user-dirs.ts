import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// No test writes into the user's real data directory: `lbkit serve`'s default CA directory
// ($LBKIT_CA_DIR, which comes before the platform's data directory) points into a temporary
// directory for each test file, inherited by the processes a test starts (cluster workers, the
// real CLI). XDG_DATA_HOME is left alone: other tools read it (Terraform's plugin mirrors).
const dir = mkdtempSync(join(tmpdir(), 'lbkit-test-data-'));
process.env.LBKIT_CA_DIR = join(dir, 'lbkit', 'ca');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
