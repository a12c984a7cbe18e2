// Every photo component, for the screens that show or take photos, from this one module: the
// screens then share one chunk of photo code (and one stylesheet) instead of one per component,
// each file of which would be named in the app's main chunk, which the sign-in page downloads.
export { PhotoCompare } from '../components/photo-compare'
export { PhotoField } from '../components/photo-field'
export { RecordPhotos } from '../components/photo-record'
export { PhotoThumbs, WithdrawnLines } from '../components/photo-thumbs'
export { PhotoProgress, PhotoUploads } from '../components/photo-uploads'
