// Web chat: sends each message to POST /api/chat and shows the replies. Unsent text is never lost: on a network
// failure it stays in the box and the connection notice is shown.
(function () {
  'use strict';
  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var box = document.getElementById('message');
  var connectionError = document.getElementById('connection-error');

  function newSessionId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return 'web-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  var sessionId = localStorage.getItem('crs-session') || newSessionId();
  localStorage.setItem('crs-session', sessionId);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function showUser(text) {
    var bubble = element('div', 'msg user pending', text);
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
    return bubble;
  }

  function showReply(reply) {
    var bubble = element('div', 'msg bot ' + reply.kind, reply.text);
    bubble.setAttribute('data-kind', reply.kind);
    if (reply.source) { bubble.appendChild(element('span', 'source', reply.source)); }
    if (reply.disclaimer) { bubble.appendChild(element('span', 'reply-disclaimer', reply.disclaimer)); }
    if (reply.suggestions && reply.suggestions.length) {
      var list = element('div', 'suggestions');
      reply.suggestions.forEach(function (suggestion) {
        var button = element('button', null, suggestion);
        button.type = 'button';
        button.addEventListener('click', function () { send(suggestion); });
        list.appendChild(button);
      });
      bubble.appendChild(list);
    }
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }

  function send(text) {
    var bubble = showUser(text);
    return fetch('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId: sessionId, text: text })
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (body) {
      bubble.classList.remove('pending');
      connectionError.hidden = true;
      body.replies.forEach(showReply);
    }).catch(function () {
      bubble.remove();
      if (!box.value) { box.value = text; }
      connectionError.hidden = false;
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = box.value;
    if (!text.trim()) { return; }
    box.value = '';
    send(text);
  });

  box.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}());
