// A photo as it leaves the phone: redrawn on a canvas with its long edge at most 1920 px as a JPEG
// at quality 0.8, plus a thumbnail of about 320 px. Redrawing drops EXIF (and with it the GPS
// position and the camera's serial number) because a canvas carries only pixels; the camera's
// rotation is applied first, so the picture stands the right way up without its EXIF.

export const FULL_EDGE = 1920
export const THUMB_EDGE = 320
const QUALITY = 0.8
const THUMB_QUALITY = 0.7

export interface Shrunk {
  blob: Blob
  thumb: Blob
  width: number
  height: number
}

/** The size that fits `edge` on the long side, never enlarging. */
export function fit(width: number, height: number, edge: number): { width: number; height: number } {
  const scale = Math.min(1, edge / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

type Source = ImageBitmap | HTMLImageElement

/** Decodes the file upright: createImageBitmap where the browser has it, an <img> otherwise. */
async function decode(file: Blob): Promise<Source> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' })
    } catch {
      // Older Safari refuses the options object; an <img> applies the EXIF rotation itself.
    }
  }
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    await img.decode()
    return img
  } finally {
    URL.revokeObjectURL(url)
  }
}

function draw(src: Source, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) return Promise.reject(new Error('no canvas'))
  // A transparent PNG turns black in a JPEG without a background.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(src, 0, 0, width, height)
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no blob'))), 'image/jpeg', quality))
}

/** The photo to send and its thumbnail; throws when the file is not a picture the browser can read. */
export async function shrink(file: Blob): Promise<Shrunk> {
  const src = await decode(file)
  try {
    const natural = 'naturalWidth' in src ? { width: src.naturalWidth, height: src.naturalHeight } : { width: src.width, height: src.height }
    const full = fit(natural.width, natural.height, FULL_EDGE)
    const small = fit(natural.width, natural.height, THUMB_EDGE)
    const blob = await draw(src, full.width, full.height, QUALITY)
    const thumb = await draw(src, small.width, small.height, THUMB_QUALITY)
    return { blob, thumb, width: full.width, height: full.height }
  } finally {
    if ('close' in src) src.close()
  }
}
