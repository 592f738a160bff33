// Kept out of index.html so that the page's Content-Security-Policy can forbid inline scripts.
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  // the redirect URI registered on the Keycloak client (Swagger UI's default drops the "docs" segment)
  oauth2RedirectUrl: window.location.origin + '/api/docs/oauth2-redirect.html'
});
// Authorize signs in with Keycloak: authorization code + PKCE, public client (no secret); the gateway
// writes the client id (bilan.oidc.api-docs-client-id) in place of the placeholder
window.ui.initOAuth({
  clientId: "{{clientId}}",
  usePkceWithAuthorizationCodeGrant: true,
  scopes: ['openid']
});
