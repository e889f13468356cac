// Lightbox for photo albums: click a thumbnail to see the large photo.
// Keyboard ← → Esc, swipe on phones, no library. Without JavaScript each
// thumbnail is a plain link to its large image. Markup it works on:
//   <ul class="gallery" data-lightbox>
//     <li><figure><a href="large.jpg" data-srcset="…" data-caption="…"><img …></a>…
(function () {
  "use strict";
  var galleries = document.querySelectorAll("[data-lightbox]");
  if (!galleries.length) return;

  var box, img, caption, counter, links = [], index = 0, opener = null, startX = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function button(cls, label, text, onClick) {
    var b = el("button", cls, text);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }

  function build() {
    box = el("div", "lightbox");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", "图片浏览");
    box.hidden = true;
    var figure = el("figure", "lightbox-figure");
    img = el("img", "lightbox-img");
    img.decoding = "async";
    caption = el("figcaption", "lightbox-caption");
    counter = el("p", "lightbox-counter");
    counter.setAttribute("aria-live", "polite");
    figure.appendChild(img);
    figure.appendChild(caption);
    box.appendChild(figure);
    box.appendChild(counter);
    box.appendChild(button("lightbox-prev", "上一张", "‹", function () { show(index - 1); }));
    box.appendChild(button("lightbox-next", "下一张", "›", function () { show(index + 1); }));
    box.appendChild(button("lightbox-close", "关闭", "×", close));
    box.addEventListener("click", function (e) { if (e.target === box) close(); });
    box.addEventListener("touchstart", function (e) { startX = e.touches[0].clientX; }, { passive: true });
    box.addEventListener("touchend", function (e) {
      if (startX === null) return;
      var dx = e.changedTouches[0].clientX - startX;
      startX = null;
      if (Math.abs(dx) > 40) show(index + (dx < 0 ? 1 : -1));
    });
    document.addEventListener("keydown", function (e) {
      if (box.hidden) return;
      if (e.key === "Escape") { close(); e.preventDefault(); }
      else if (e.key === "ArrowRight") { show(index + 1); e.preventDefault(); }
      else if (e.key === "ArrowLeft") { show(index - 1); e.preventDefault(); }
      else if (e.key === "Tab") trapFocus(e);
    });
    document.body.appendChild(box);
  }

  function trapFocus(e) {
    var items = box.querySelectorAll("button");
    var first = items[0], last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { last.focus(); e.preventDefault(); }
    else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
  }

  function show(i) {
    index = (i + links.length) % links.length;
    var a = links[index];
    img.removeAttribute("srcset");
    if (a.getAttribute("data-srcset")) {
      img.setAttribute("srcset", a.getAttribute("data-srcset"));
      img.setAttribute("sizes", "100vw");
    }
    img.src = a.href;
    var thumb = a.querySelector("img");
    img.alt = thumb ? thumb.alt : "";
    caption.textContent = a.getAttribute("data-caption") || "";
    counter.textContent = (index + 1) + " / " + links.length;
  }

  function open(list, i, from) {
    if (!box) build();
    links = list;
    opener = from;
    show(i);
    box.hidden = false;
    document.documentElement.classList.add("lightbox-open");
    box.querySelector(".lightbox-close").focus();
  }

  function close() {
    box.hidden = true;
    document.documentElement.classList.remove("lightbox-open");
    if (opener) opener.focus();
  }

  Array.prototype.forEach.call(galleries, function (g) {
    var list = Array.prototype.slice.call(g.querySelectorAll("a[href]"));
    list.forEach(function (a, i) {
      a.addEventListener("click", function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        open(list, i, a);
      });
    });
  });
})();
