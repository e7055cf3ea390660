/** Codes the client itself assigns when there is no problem document from the server. */
export const clientErrorCodes = {
  network: 'CLIENT_NETWORK_ERROR',
  badResponse: 'CLIENT_BAD_RESPONSE',
} as const;
