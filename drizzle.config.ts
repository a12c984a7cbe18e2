// drizzle-kit writes migrations/ from the schema; wrangler and the libSQL migrator both read it.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './migrations',
})
