/*
 * Tasklist 7.24 renders Camunda Forms with form-js 1.8.7. When a field inside a dynamic list is validated, form-js
 * leaves an empty entry under the field's id in its error map, and Tasklist decides validity by counting entries,
 * not errors: once a user leaves any field of a list row, the Complete button is disabled although no field is in
 * error (and a click on Complete straight from such a field is swallowed). Camunda 7 CE gets no further release, so
 * the fix lives here: before Tasklist hears of a change, empty entries are removed from the error map.
 *
 * Nothing is weakened: real errors stay, form-js validates the whole form again on Complete, and the server
 * validates every submission (a refusal names the field). See docs/architecture.md, "Forms in Tasklist".
 */
const PATCHED = 'openChallengeErrorsPruned';

/** Removes entries that hold no error message, at any depth; true when nothing is left. */
function prune(errors) {
  if (Array.isArray(errors) || (errors && typeof errors === 'object')) {
    for (const key of Object.keys(errors)) {
      if (typeof errors[key] !== 'string' && prune(errors[key])) {
        delete errors[key];
      }
    }
    return Object.keys(errors).filter((k) => errors[k] !== undefined).length === 0;
  }
  return errors === undefined || errors === null;
}

/** The form-js instance rendered into a container: form-js provides it to its components through a context. */
function formOf(container) {
  const seen = new Set();
  const pending = [container.__k];
  while (pending.length) {
    const vnode = pending.pop();
    if (!vnode || seen.has(vnode)) {
      continue;
    }
    seen.add(vnode);
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      return value.getService('form');
    }
    for (const child of [].concat(vnode.__k || [])) {
      pending.push(child);
    }
  }
  return null;
}

function patch(container) {
  if (container.dataset[PATCHED]) {
    return;
  }
  const form = formOf(container);
  if (!form) {
    return;
  }
  container.dataset[PATCHED] = 'true';
  // Runs before Tasklist's own listener (default priority 1000).
  form.on('changed', 5000, (event) => {
    if (event && event.errors) {
      prune(event.errors);
    }
  });
}

new MutationObserver(() => document.querySelectorAll('.fjs-container').forEach(patch))
  .observe(document.documentElement, {childList: true, subtree: true});

export default [];
