// A photo picked in a form and not yet handed to the outbox: shrunk, with its client id and a
// preview of its thumbnail as a data: URL (the CSP allows data: images, not blob: ones).
import type { NewPhoto } from '../outbox/photos'

export interface PickedPhoto extends NewPhoto {
  preview: string
}

/** At most this many photos on one record step (the server refuses a tenth). */
export const MAX_PHOTOS = 9
