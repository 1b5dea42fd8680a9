/** English strings of the presence selector and load display. */
const presenceEn = {
  label: 'My status',
  loadTitle: 'Conversations you hold / your capacity, per channel',
  status: { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' },
};

export default presenceEn;
