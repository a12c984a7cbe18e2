// The rules of photos as evidence that client and server share: the types accepted, the sizes,
// and how many one record step may carry. No imports: the web bundles this file as it is.

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]

/** Largest photo accepted (the web sends photos downscaled to a long edge of 1920 px). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
/** Largest thumbnail accepted. */
export const MAX_THUMB_BYTES = 200 * 1024
/** Photos one record step (one step of an issue's timeline, one activity) may carry. */
export const MAX_PHOTOS_PER_STEP = 9
/** The timeline steps of an issue that take photos (the report, the unit's reports, the verification). */
export const PHOTO_STEPS = ['create', 'progress', 'complete', 'verify', 'return'] as const
