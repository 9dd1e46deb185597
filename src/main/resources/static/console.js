// Coordinators' console: polls GET /console/api/handoffs every 3 s and keeps one card per handoff, updated in place,
// so a half-typed reply (with its focus and caret) survives every refresh. Everything from the server goes in with
// textContent: families' words are never markup. POSTs echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
(function () {
  'use strict';
  var POLL_MS = 3000;
  var MAX_REPLY = 4000;
  var REASONS = {
    emergency: 'Emergency signs reported',
    asked: 'Asked for a person',
    unanswered: 'The bot could not answer twice',
    unhelpful: 'Two answers marked unhelpful'
  };
  var list = document.getElementById('handoffs');
  var empty = document.getElementById('empty');
  var counts = document.getElementById('counts');
  var updated = document.getElementById('updated');
  var notice = document.getElementById('notice');
  var baseTitle = document.title;
  var cards = {};
  var sessionOver = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function button(label, className, type) {
    var node = element('button', className, label);
    node.type = type || 'button';
    return node;
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  // Resolves with the JSON body; rejects with an Error whose message is the server's "error" (or says why not).
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') { headers['X-XSRF-TOKEN'] = csrfToken(); }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: (body === undefined) ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 401) { endSession(); }
        if (!response.ok) {
          var error = new Error(data.error || ('The server answered ' + response.status + '.'));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    }, function () {
      throw new Error('Cannot reach the server. Check the connection; the page keeps trying.');
    });
  }

  function showNotice(text) {
    notice.textContent = text || '';
    notice.hidden = !text;
  }

  function endSession() {
    sessionOver = true;
    notice.textContent = 'Your session has ended. ';
    var link = element('a', null, 'Log in again');
    link.href = '/login';
    notice.appendChild(link);
    notice.hidden = false;
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  function clock(iso, withSeconds) {
    var d = iso ? new Date(iso) : new Date();
    var text = two(d.getHours()) + ':' + two(d.getMinutes()) + (withSeconds ? ':' + two(d.getSeconds()) : '');
    if (d.toDateString() !== new Date().toDateString()) {
      text = d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }) + ' ' + text;
    }
    return text;
  }

  function waited(minutes) {
    if (minutes < 60) { return minutes + ' min'; }
    if (minutes < 1440) { return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min'; }
    return Math.floor(minutes / 1440) + ' d ' + Math.floor((minutes % 1440) / 60) + ' h';
  }

  function familyName(handoff) {
    return handoff.familyName || 'Family';
  }

  function authorLabel(message, handoff) {
    if (message.author === 'family') { return familyName(handoff); }
    if (message.author === 'coordinator') { return 'Coordinator ' + (message.authorName || ''); }
    return 'Bot';
  }

  function createCard(id) {
    var card = {};
    card.root = element('article', 'handoff');
    card.root.setAttribute('data-id', id);
    var head = element('header', 'card-head');
    card.badge = element('span', 'badge urgent', 'Urgent');
    card.title = element('h2', 'family');
    card.channel = element('span', 'badge channel');
    head.append(card.badge, card.title, card.channel);
    card.reasons = element('p', 'reasons');
    card.signs = element('p', 'signs');
    card.meta = element('p', 'meta');
    card.transcript = element('ol', 'transcript');
    card.transcript.setAttribute('aria-label', 'Conversation, oldest first');
    card.actions = element('div', 'actions');
    card.claim = button('Claim', 'claim primary');
    card.resolve = button('Resolve', 'resolve');
    card.actions.append(card.claim, card.resolve);
    card.form = element('form', 'reply');
    card.form.autocomplete = 'off';
    var label = element('label', 'visually-hidden', 'Reply to the family');
    card.textarea = element('textarea', 'reply-text');
    card.textarea.id = 'reply-' + id;
    label.htmlFor = card.textarea.id;
    card.textarea.rows = 2;
    card.textarea.maxLength = MAX_REPLY;
    card.textarea.placeholder = 'Reply to the family (Ctrl+Enter sends)';
    card.send = button('Send', 'send primary', 'submit');
    card.form.append(label, card.textarea, card.send);
    card.error = element('p', 'card-error');
    card.error.setAttribute('role', 'alert');
    card.error.hidden = true;
    card.root.append(head, card.reasons, card.signs, card.meta, card.transcript, card.actions, card.form, card.error);

    card.claim.addEventListener('click', function () { claim(card); });
    card.resolve.addEventListener('click', function () { resolve(card); });
    card.form.addEventListener('submit', function (event) {
      event.preventDefault();
      reply(card);
    });
    card.textarea.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        card.form.requestSubmit();
      }
    });
    return card;
  }

  function updateCard(card, handoff) {
    card.handoff = handoff;
    var urgent = handoff.priority === 'urgent';
    card.root.className = 'handoff' + (urgent ? ' urgent' : '') + (handoff.status === 'claimed' ? ' claimed' : '');
    card.root.setAttribute('data-status', handoff.status);
    card.root.setAttribute('data-reference', handoff.reference);
    card.badge.hidden = !urgent;
    card.title.textContent = familyName(handoff) + ' · ref ' + handoff.reference;
    card.channel.textContent = handoff.channel;
    card.reasons.textContent = handoff.reasons.map(function (r) { return REASONS[r] || r; }).join(' · ');
    var signs = '';
    if (handoff.signs.length) { signs = 'Signs: ' + handoff.signs.join(', '); }
    if (handoff.matchedText.length) {
      signs += (signs ? ' — ' : '') + 'their words: “' + handoff.matchedText.join('”, “') + '”';
    }
    card.signs.textContent = signs;
    card.signs.hidden = !signs;

    card.meta.textContent = 'Waiting ' + waited(handoff.waitingMinutes) + ' (since ' + clock(handoff.openedAt) + ') · ';
    var holder = handoff.claimedByYou ? 'Claimed by you'
      : (handoff.claimedBy ? 'Claimed by ' + handoff.claimedBy : 'Not claimed yet');
    card.meta.appendChild(element('span', 'holder', holder));

    card.claim.hidden = handoff.status !== 'open';
    updateTranscript(card, handoff);
  }

  // Rebuilt only when a message came, so reading further up is not interrupted by every poll.
  function updateTranscript(card, handoff) {
    var key = handoff.transcript.map(function (m) { return m.id; }).join(',') + '|' + familyName(handoff);
    if (key === card.transcriptKey) { return; }
    var box = card.transcript;
    var atBottom = card.transcriptKey === undefined || box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    card.transcriptKey = key;
    box.replaceChildren();
    if (!handoff.transcript.length) {
      box.appendChild(element('li', 'none', 'No messages stored.'));
    }
    handoff.transcript.forEach(function (message) {
      var item = element('li', 'msg ' + message.author + (message.kind === 'emergency' ? ' emergency' : ''));
      item.setAttribute('data-author', message.author);
      item.setAttribute('data-kind', message.kind);
      item.appendChild(element('span', 'from', authorLabel(message, handoff) + ' · ' + clock(message.at)));
      item.appendChild(document.createTextNode(message.text));
      box.appendChild(item);
    });
    if (atBottom) { box.scrollTop = box.scrollHeight; }
  }

  function showError(card, text) {
    card.error.textContent = text || '';
    card.error.hidden = !text;
  }

  function claim(card) {
    actions++;
    card.claim.disabled = true;
    showError(card, null);
    api('POST', '/console/api/handoffs/' + card.handoff.id + '/claim').then(function (handoff) {
      updateCard(card, handoff);
    }, function (error) {
      showError(card, error.message);
    }).then(function () {
      card.claim.disabled = false;
      refresh();
    });
  }

  function reply(card) {
    var text = card.textarea.value;
    if (!text.trim()) {
      showError(card, 'Write a reply first.');
      return;
    }
    actions++;
    card.send.disabled = true;
    showError(card, null);
    api('POST', '/console/api/handoffs/' + card.handoff.id + '/reply', { text: text }).then(function (handoff) {
      // a line typed while it was sending stays
      if (card.textarea.value === text) { card.textarea.value = ''; }
      updateCard(card, handoff);
    }, function (error) {
      showError(card, error.message);
    }).then(function () {
      card.send.disabled = false;
      refresh();
    });
  }

  // Resolving sends the family back to the bot: a second press confirms, so a stray tap on a phone does not.
  function resolve(card) {
    if (!card.confirming) {
      card.confirming = setTimeout(function () { resetResolve(card); }, 5000);
      card.resolve.textContent = 'Confirm: resolve';
      card.resolve.classList.add('confirming');
      return;
    }
    resetResolve(card);
    actions++;
    card.resolve.disabled = true;
    showError(card, null);
    api('POST', '/console/api/handoffs/' + card.handoff.id + '/resolve').then(function () {
      removeCard(card.handoff.id);
    }, function (error) {
      showError(card, error.message);
    }).then(function () {
      card.resolve.disabled = false;
      refresh();
    });
  }

  function resetResolve(card) {
    clearTimeout(card.confirming);
    card.confirming = null;
    card.resolve.textContent = 'Resolve';
    card.resolve.classList.remove('confirming');
  }

  function removeCard(id) {
    if (cards[id]) {
      cards[id].root.remove();
      delete cards[id];
    }
  }

  function render(handoffs) {
    var active = document.activeElement;
    var caret = (active && active.tagName === 'TEXTAREA') ? [active.selectionStart, active.selectionEnd] : null;
    var seen = {};
    handoffs.forEach(function (handoff, index) {
      seen[handoff.id] = true;
      var card = cards[handoff.id] || (cards[handoff.id] = createCard(handoff.id));
      // placed before it is filled, so a new transcript can be scrolled to its latest message
      if (list.children[index] !== card.root) { list.insertBefore(card.root, list.children[index] || null); }
      updateCard(card, handoff);
    });
    Object.keys(cards).forEach(function (id) {
      if (!seen[id]) { removeCard(id); }
    });
    // moving a card (an urgent one arrived above it) takes the focus from its reply box: give it back
    if (active && active !== document.activeElement && document.contains(active)) {
      active.focus();
      if (caret) { active.setSelectionRange(caret[0], caret[1]); }
    }
    var urgent = handoffs.filter(function (h) { return h.priority === 'urgent'; }).length;
    var unclaimed = handoffs.filter(function (h) { return h.status === 'open'; }).length;
    empty.hidden = handoffs.length > 0;
    counts.textContent = handoffs.length + ' waiting · ' + urgent + ' urgent · ' + unclaimed + ' not claimed';
    document.title = (unclaimed ? '(' + unclaimed + ') ' : '') + baseTitle;
  }

  var loading = null;
  var again = false;
  // claims, replies and resolves started: a list asked for before one of them may show the card as it was
  var actions = 0;

  function refresh() {
    if (loading) {
      again = true;
      return loading;
    }
    var asked = actions;
    loading = api('GET', '/console/api/handoffs').then(function (handoffs) {
      if (asked !== actions) { return; }
      render(handoffs);
      if (!sessionOver) { showNotice(null); }
      updated.textContent = 'Updated ' + clock(null, true);
    }, function (error) {
      if (!sessionOver) { showNotice(error.message); }
    }).then(function () {
      loading = null;
      if (again) {
        again = false;
        return refresh();
      }
    });
    return loading;
  }

  function poll() {
    refresh().then(function () { setTimeout(poll, POLL_MS); });
  }

  document.getElementById('logout').addEventListener('click', function (event) {
    event.preventDefault();
    fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() }, credentials: 'same-origin' })
      .then(function () { window.location.href = '/login?logout'; },
        function () { window.location.href = '/logout'; });
  });

  poll();
}());
