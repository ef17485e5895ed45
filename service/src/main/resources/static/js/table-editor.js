// The table editor's checks as you type: numbers only, the way the rules read them. The server checks
// every cell again (and the bands) before saving; this only says so sooner.
(function () {
  'use strict';
  var form = document.getElementById('table-editor');
  if (!form) {
    return;
  }
  var DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
  var WHOLE = /^-?(0|[1-9]\d*)$/;

  function problem(shape, value) {
    if (value === '') {
      return null;
    }
    if (shape === 'WHOLE_NUMBER') {
      return WHOLE.test(value) ? null : 'Enter a whole number, like 3';
    }
    if (DECIMAL.test(value)) {
      return null;
    }
    if (/%$/.test(value)) {
      return 'Enter the number without the % sign';
    }
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) {
      return 'Enter the number without commas, like ' + value.replace(/,/g, '');
    }
    return 'Enter a number, like 1.25';
  }

  function show(input, message) {
    var id = input.id + '-typing';
    var shown = document.getElementById(id);
    if (!message) {
      input.classList.remove('govuk-input--error');
      input.removeAttribute('aria-invalid');
      if (shown) {
        shown.parentNode.removeChild(shown);
      }
      return;
    }
    input.classList.add('govuk-input--error');
    input.setAttribute('aria-invalid', 'true');
    if (!shown) {
      shown = document.createElement('p');
      shown.className = 'govuk-error-message';
      shown.id = id;
      shown.setAttribute('aria-live', 'polite');
      var anchor = input.closest('.govuk-input__wrapper') || input;
      anchor.parentNode.insertBefore(shown, anchor);
    }
    shown.textContent = message;
  }

  form.addEventListener('input', function (event) {
    var input = event.target;
    var shape = input.getAttribute && input.getAttribute('data-shape');
    if (shape === 'NUMBER' || shape === 'PERCENTAGE' || shape === 'WHOLE_NUMBER') {
      show(input, problem(shape, input.value.trim()));
    }
  });
})();
