// Migration-kill child: migrates an archive with a deliberately slow extra migration.
import Database from 'better-sqlite3';
import { migrate } from '../../../../archive/db/migrate.ts';
import { connect } from '../../../../archive/db/connect.ts';
import { slowMigrations } from '../slow-migration.ts';

const [archivePath, rows] = process.argv.slice(2) as [string, string];
const db: Database.Database = connect(archivePath);
process.stdout.write('start\n');
await migrate(db, archivePath, slowMigrations(Number(rows)));
process.stdout.write('migrated\n');
db.close();
