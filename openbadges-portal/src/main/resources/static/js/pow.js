// The portal's proof-of-work captcha (see ProofOfWork.java): finds a nonce such that
// SHA-256(challenge ":" nonce) starts with the challenge's number of zero bits, then enables the form.
// Served from the portal itself; no third party is contacted.
(function () {
  'use strict';
  var form = document.querySelector('form[data-pow]');
  if (!form || !window.crypto || !window.crypto.subtle) { return; }
  var challenge = form.querySelector('input[name=pow_challenge]').value;
  var nonceField = form.querySelector('input[name=pow_nonce]');
  var status = document.getElementById('pow-status');
  var button = form.querySelector('button[type=submit]');
  var bits = parseInt(challenge.split('.')[2], 10);
  var enc = new TextEncoder();
  function zeros(buf) {
    var b = new Uint8Array(buf);
    for (var i = 0; i < bits; i++) {
      if ((b[i >> 3] & (0x80 >>> (i & 7))) !== 0) { return false; }
    }
    return true;
  }
  function step(n) {
    var batch = [];
    for (var k = 0; k < 64; k++) {
      batch.push(crypto.subtle.digest('SHA-256', enc.encode(challenge + ':' + (n + k))));
    }
    Promise.all(batch).then(function (hashes) {
      for (var k = 0; k < hashes.length; k++) {
        if (zeros(hashes[k])) {
          nonceField.value = String(n + k);
          if (button) { button.disabled = false; }
          if (status) { status.textContent = status.getAttribute('data-done'); }
          return;
        }
      }
      step(n + 64);
    });
  }
  if (button) { button.disabled = true; }
  step(0);
}());
