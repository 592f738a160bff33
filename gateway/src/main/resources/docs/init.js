// Kept out of index.html so that the page's Content-Security-Policy can forbid inline scripts.
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false
});
