/** What a side can do to a pending transfer. */
export type TransferAction = 'accept' | 'return' | 'receipt' | 'cancel';
