// The same words whether the partner does not exist or the caller may not see them.
export const PARTNER_NOT_FOUND =
  'We could not find that Involvement Partner. They may have left the register, or you may not have access.';

export const PARTNER_CHANGED_SINCE =
  'Someone else changed this partner since you opened the page. Reload to see the latest, then try again.';
