// The file store on Workers: an R2 bucket bound as FILES (wrangler.toml).
import { checkKey, type FileStore } from './store'

export function r2Store(bucket: R2Bucket): FileStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(checkKey(key), bytes, { httpMetadata: { contentType } })
    },
    async get(key) {
      const object = await bucket.get(checkKey(key))
      return object ? { body: object.body, bytes: object.size } : null
    },
    async exists(key) {
      return (await bucket.head(checkKey(key))) !== null
    },
  }
}
