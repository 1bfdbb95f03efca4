// The Tasklist as English councils read it: UK dates and times, and the product's additions (placements.js).
export default {
  app: {
    name: 'Placements Tasklist',
    vendor: 'Children\'s services'
  },
  // moment.js formats: every date a person reads is dd/mm/yyyy, times HH:mm
  dateFormat: {
    monthName: 'MMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/placements'],
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
