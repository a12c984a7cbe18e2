// Starts the API reference page (GET /api/v1/docs) on the app's own OpenAPI document. A file, not
// an inline script, because the CSP allows scripts from this origin only; no online validator.
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  // Requests from "Try it out" go to this origin and carry the signed-in session cookie.
  withCredentials: true,
})
