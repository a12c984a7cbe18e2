// The file store on Node: a directory (FILES_DIR, default data/files). Each file is written to a
// temporary name, fsynced, renamed into place and its directory fsynced, so a crash leaves either
// no file or the whole one, never half a photo; `npm run db:backup` copies the directory.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { dirname, join } from 'node:path'
import { checkKey, type FileStore } from './store'

async function fsyncDir(dir: string) {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function dirStore(root: string): FileStore {
  const pathOf = (key: string) => join(root, ...checkKey(key).split('/'))
  return {
    async put(key, bytes) {
      const path = pathOf(key)
      const dir = dirname(path)
      await mkdir(dir, { recursive: true })
      const temp = `${path}.${crypto.randomUUID()}.tmp`
      const handle = await open(temp, 'wx')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } catch (e) {
        await handle.close()
        await rm(temp, { force: true })
        throw e
      }
      await handle.close()
      await rename(temp, path)
      await fsyncDir(dir)
    },
    async get(key) {
      const path = pathOf(key)
      let size: number
      try {
        size = (await stat(path)).size
      } catch {
        return null
      }
      return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, bytes: size }
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile()
      } catch {
        return false
      }
    },
  }
}
