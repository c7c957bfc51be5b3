/** Where a delivery finds the signing secret (`whsec_...`) of the subscription it is for. */
export interface SigningSecrets {
  /** NotFoundError when the subscription is gone (removed since the message was made). */
  secretOf(subscriptionId: string): Promise<string>;
}
