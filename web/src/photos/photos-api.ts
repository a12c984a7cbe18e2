// The photos of a record as the API lists them (api.md "Photos"), their addresses (never public:
// the session cookie goes along, scoped as the record) and staff's withdrawal of a wrong one.
import { http, type Answer, type Schema } from '../api'

export type Photo = Schema<'Photo'>
/** A photo withdrawn by staff: no bytes any more, only who, when and why. */
export type WithdrawnPhoto = Schema<'WithdrawnPhoto'>

export const photoUrl = (id: string, thumb = false) => `/api/v1/photos/${encodeURIComponent(id)}${thumb ? '/thumb' : ''}`

export const photosApi = {
  withdraw: (id: string, reason: string) => http.post<Answer<'/photos/{id}/withdraw', 'post'>>(`/photos/${encodeURIComponent(id)}/withdraw`, { reason }),
}
