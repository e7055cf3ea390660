/** What can be done to an active flowing record. */
export type FlowingAction = 'contact' | 'lost' | 'suspend' | 'return';
