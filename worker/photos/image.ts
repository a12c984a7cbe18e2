// What an uploaded image is, read from its own header: JPEG (the SOFn frame), PNG (IHDR) or WebP
// (VP8, VP8L, VP8X). This is also the magic-byte check: bytes that are none of these (an SVG, an
// HTML page, a truncated file) have no type and no size, and are refused.
import type { PhotoType } from '../core/photos'

export interface ImageInfo {
  type: PhotoType
  width: number
  height: number
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!)
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n))

/** Start-of-frame markers: every SOFn except DHT (C4), JPG (C8) and DAC (CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function jpeg(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null
  let i = 2
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    // Fill bytes before a marker.
    if (marker === 0xff) {
      i++
      continue
    }
    // Markers without a length: TEM, RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    // The image data began (SOS) or ended (EOI) before any frame header.
    if (marker === 0xda || marker === 0xd9) return null
    const length = u16be(b, i + 2)
    if (length < 2) return null
    if (SOF.has(marker)) {
      if (i + 9 > b.length) return null
      const height = u16be(b, i + 5)
      const width = u16be(b, i + 7)
      return width > 0 && height > 0 ? { type: 'image/jpeg', width, height } : null
    }
    i += 2 + length
  }
  return null
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function png(b: Uint8Array): ImageInfo | null {
  if (b.length < 24 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return null
  if (ascii(b, 12, 4) !== 'IHDR') return null
  const width = u32be(b, 16)
  const height = u32be(b, 20)
  return width > 0 && height > 0 ? { type: 'image/png', width, height } : null
}

function webp(b: Uint8Array): ImageInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null
  const chunk = ascii(b, 12, 4)
  const d = 20
  let size: [number, number] | null = null
  if (chunk === 'VP8 ') {
    // A key frame: 3 bytes of frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (b[d + 3] !== 0x9d || b[d + 4] !== 0x01 || b[d + 5] !== 0x2a) return null
    size = [u16le(b, d + 6) & 0x3fff, u16le(b, d + 8) & 0x3fff]
  } else if (chunk === 'VP8L') {
    if (b[d] !== 0x2f) return null
    const bits = (b[d + 1]! | (b[d + 2]! << 8) | (b[d + 3]! << 16) | (b[d + 4]! << 24)) >>> 0
    size = [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]
  } else if (chunk === 'VP8X') {
    size = [u24le(b, d + 4) + 1, u24le(b, d + 7) + 1]
  }
  return size && size[0] > 0 && size[1] > 0 ? { type: 'image/webp', width: size[0], height: size[1] } : null
}

/** The image's type and size from its header, or null when the bytes are not a JPEG, PNG or WebP. */
export function readImage(bytes: Uint8Array): ImageInfo | null {
  return jpeg(bytes) ?? png(bytes) ?? webp(bytes)
}
