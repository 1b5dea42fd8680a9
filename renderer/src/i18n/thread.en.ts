/** English strings of the message thread's long-history controls. */
const threadEn = {
  showEarlier_one: 'Show {{count}} earlier message',
  showEarlier_other: 'Show {{count}} earlier messages',
};

export default threadEn;
