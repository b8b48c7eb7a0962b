// Tasklist configuration of Open Challenge: the stock settings plus one custom script (see below).
export default {
  // Works around a Tasklist 7.24 defect with dynamic lists; docs/architecture.md, "Forms in Tasklist".
  customScripts: ['scripts/dynamic-list-validation'],

  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
