import type { CliCommand } from './cli-command'
import { serveCommand } from './serve-command'
import { benchCommand } from './bench-command'
import { copyCommand } from './copy-command'
import { generateCommand } from './generate-command'
import { etlCommand } from './etl-command'
import { erCommand } from './er-command'
import { schemaCommand } from './schema-command'
import { importCommand } from './import-command'
import { profileCommand } from './profile-command'
import { consolidateCommand } from './consolidate-command'
import { exportCommand } from './export-command'

/** Every subcommand of `sonograph`; an area adds its command here. */
export const commands: CliCommand[] = [serveCommand, benchCommand, copyCommand, schemaCommand, erCommand, generateCommand, etlCommand, importCommand, profileCommand, consolidateCommand, exportCommand]
