// Web chat: sends each message to POST /api/chat and shows the replies. Unsent text is never lost: on a network
// failure it stays in the box and the connection notice is shown. A coordinator's answers arrive on their own:
// the page asks GET /api/chat/messages every few seconds.
(function () {
  'use strict';
  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var box = document.getElementById('message');
  var connectionError = document.getElementById('connection-error');
  var humanButton = document.getElementById('human');
  var coordinatorPrefix = document.body.getAttribute('data-coordinator-prefix') || 'Coordinator';
  var POLL_MS = 3000;
  var lastPushed = 0;

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

  function showPushed(message) {
    var coordinator = message.from === 'coordinator';
    var bubble = element('div', 'msg pushed ' + (coordinator ? 'coordinator' : 'bot ' + message.kind));
    bubble.setAttribute('data-kind', coordinator ? 'coordinator' : message.kind);
    if (coordinator) { bubble.appendChild(element('span', 'author', coordinatorPrefix + ' ' + (message.name || ''))); }
    bubble.appendChild(element('span', 'text', message.text));
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }

  function poll() {
    fetch('/api/chat/messages?sessionId=' + encodeURIComponent(sessionId) + '&after=' + lastPushed)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        body.messages.forEach(showPushed);
        lastPushed = body.last;
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  function post(path, payload, bubble, restore) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload)
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (body) {
      if (bubble) { bubble.classList.remove('pending'); }
      connectionError.hidden = true;
      body.replies.forEach(showReply);
    }).catch(function () {
      if (bubble) { bubble.remove(); }
      restore();
      connectionError.hidden = false;
    });
  }

  function send(text) {
    var bubble = showUser(text);
    return post('/api/chat', { sessionId: sessionId, text: text }, bubble, function () {
      if (!box.value) { box.value = text; }
    });
  }

  humanButton.addEventListener('click', function () {
    post('/api/chat/human', { sessionId: sessionId, text: '' }, null, function () {});
  });

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

  poll();
}());
