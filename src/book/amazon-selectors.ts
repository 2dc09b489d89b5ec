// Where Amazon product pages keep what we read, in one place. Each entry says which layouts it was
// checked against; ../shared/research/amazon-pages.md has the evidence, test/fixtures/ a small page per layout.
// Most places are found by id, and searched inside: Amazon pages hold tens of thousands of elements,
// and a selector that is not anchored on an id walks all of them.

/** Product pages declare their ASIN in hidden inputs (#ASIN, or ASIN in a form), the canonical link, reviews. */
export const ASIN_INPUT_ID = 'ASIN';
export const ASIN_INPUT_NAMES = ['ASIN', 'ASIN.0'];
export const CANONICAL_LINK = 'link[rel="canonical"]';
export const REVIEWS_ID = 'averageCustomerReviews';

/** Robot check (CAPTCHA) and the amazon.co.jp adult-content interstitial: no product is shown. */
export const NOT_A_PRODUCT_FORM_ACTION = /validateCaptcha|black-curtain/i;
export const NOT_A_PRODUCT_ID = 'black-curtain-warning';

/** Page-kind signals: the first class of `#dp`, the sub-navigation's category, Audible's details table. */
export const PRODUCT_CONTAINER_ID = 'dp';
export const SUBNAV_ID = 'nav-subnav';
export const PRODUCT_SUBTITLE_ID = 'productSubtitle';
export const AUDIBLE_DETAILS_ID = 'audibleProductDetails';
export const BOOK_DP_CLASS = /^books?(?:_|$)/; // book, book_mobile
export const EBOOK_DP_CLASS = /^ebooks?(?:_|$)/; // ebooks, ebooks_mobile
export const AUDIOBOOK_DP_CLASS = /^(?:audible|audiobooks?)(?:_|$)/;
// books, stripbooks, english-books, books-intl-de, books-catalog … but not ebooks or audiobooks.
export const BOOK_CATEGORY = /^(?:stripbooks|english-books|foreign-books|books(?:-[a-z-]+)?)$/;
export const EBOOK_CATEGORY = /^(?:digital-text|kindle(?:-store)?)$/;
export const AUDIOBOOK_CATEGORY = /^(?:audible|audiobooks?)$/;
export const KINDLE_SUBTITLE = /\bkindle\b/i;

/** RPI carousel (2022 on): one card per attribute; the id names the attribute, whatever the label's language. */
export const RPI_ISBN_CARD_IDS = ['rpi-attribute-book_details-isbn13', 'rpi-attribute-book_details-isbn10'];
export const RPI_VALUE = '.rpi-attribute-value';

/** Detail bullets (2020 on): `<li><span class="a-text-bold">ISBN-13 ‏:‎</span> <span>978-…</span></li>`. */
export const DETAIL_BULLETS_IDS = ['detailBullets_feature_div', 'detailBulletsWrapper_feature_div'];

/** th/td detail tables: desktop tech-spec tables and the 2018 mobile table. The value is the next cell. */
export const DETAIL_TABLE_IDS = ['productDetails_detailBullets_sections1', 'productDetails_techSpec_section_1', 'prodDetails'];
/** The 2018 mobile table has no id; its label cells carry this class. */
export const DETAIL_TABLE_LABEL_CLASS = 'prodDetSectionEntry';

/** Legacy "<b>ISBN-10:</b> value" lists (2017 to 2021): list items inside these containers. */
export const LEGACY_DETAILS_IDS = ['detail_bullets_id', 'productDetailsTable'];
/**
 * The 2008-era `<h2>Product details</h2><div class="content"><ul>` block has no ids at all:
 * a `div.content` that follows an `<h2>` or sits in a `td.bucket`.
 */
export const OLD_DETAILS_CLASS = 'content';

/** Mobile pages (2018) print "ISBN-13:" and the value as two small spans under the title. */
export const MOBILE_DP_CLASS = /(?:^|\s)(?:book|ebooks)_mobile(?:\s|$)/;
export const MOBILE_HEADER_SPANS = 'span.a-size-small';

/** Format switchers: current, pre-2019 and mobile forms. Their links carry ref=tmm_<format>_…. */
export const FORMAT_SWITCHER_IDS = ['tmmSwatches', 'formats', 'MediaMatrix', 'MediaMatrix_feature_div', 'MediaMatrixMobile_feature_div'];
export const FORMAT_CODE_IN_LINK = /[/?&]ref_?=tmm_([a-z0-9]+)_/i;
/** The current switcher also names the format in its tile's id: tmm-grid-swatch-PAPERBACK. */
export const FORMAT_TILE = '[id^="tmm-grid-swatch-"]';
export const FORMAT_TILE_NAMES: Record<string, string> = {
  PAPERBACK: 'pap',
  HARDCOVER: 'hrd',
  MASS_MARKET_PAPERBACK: 'mmp',
  KINDLE: 'kin',
  AUDIO_DOWNLOAD: 'aud',
  AUDIO_CD: 'abk',
};
/** Format codes that are not printed books: Kindle, Audible, audio CD, MP3 CD. */
export const NON_PRINT_FORMAT_CODE = /^(?:kin|aud|abk|mp3|cd|dvd|vid|kindle|audible)$/;
/** Print formats a shopper most likely finds in a shop, best first. */
export const PREFERRED_PRINT_FORMAT_CODES = ['pap', 'hrd', 'mmp'];

/**
 * Where an eBook page names the print edition it is based on ("… print edition (ISBN 1538701146)"):
 * the RPI page-count card and its popover, the mobile "about this Kindle edition" popover, the 2017 table.
 */
export const PRINT_EDITION_NOTE_IDS = [
  'rpi-attribute-book_details-ebook_pages',
  'a-popover-about_kindle_edition_secondary_view_div',
  'productDetailsTable',
];
export const POPOVER_ATTRIBUTE = 'data-a-popover';

// Where our card goes: just below the buy box (so none of Amazon's buttons move; #combinedBuyBox is the
// Kindle buy box on desktop and phone pages, and wraps the print one on some desktop pages), else at the end of
// the right column; on a page with neither, after the whole product block (#ppd: title, price and
// buttons), never between a title and its price; after the title block only where there is no #ppd.
export const CARD_AFTER_IDS = ['desktop_buybox', 'buybox', 'buyBoxAccordion', 'combinedBuyBox'];
export const CARD_APPEND_IDS = ['rightCol'];
export const CARD_AFTER_FALLBACK_IDS = ['ppd', 'title_feature_div', 'titleSection', 'title'];

// Lists: search results, wish lists and idea lists, bestseller grids. One element per item of the list
// itself, never a carousel's or an ads rail's (those use other markup: "Sponsored" strips, shovelers).
// Checked against ../shared/amazon-pages/lists/ (2013 to 2025) and test/find-list-rules.test.ts, which
// also holds the layouts of the years between (2014–2018) as public scrapers of the time read them.
export const LIST_ITEM_SELECTORS = [
  // Search results, 2016 on: each result, sponsored ones included, carries its component type and ASIN.
  '[data-component-type="s-search-result"]',
  // Search results before that: <li id="result_N" data-asin="…" class="s-result-item">.
  'li.s-result-item[id^="result_"]',
  // Wish lists and idea lists (2017 on): <li data-itemid="…"> under #g-items, or, in 2017–2018, under
  // <ul id="item-page-wrapper" class="… g-items-section"> (public scrapers of 2018: li.g-item-sortable
  // with data-itemid under ul.g-items-section).
  '#g-items li[data-itemid]',
  '.g-items-section li[data-itemid]',
  // Wish lists of 2014 to 2016: <div id="item_ITEMID"> under .g-items-section, its title in
  // a#itemName_ITEMID (doitlikejustin/amazon-wish-lister, src/wishlist.php, "the new wishlist" of 2015).
  // Later lists keep such a div inside each <li data-itemid>: the li is the item, not the div in it.
  '.g-items-section div[id^="item_"]:not([data-itemid] *)',
  // Wish lists before 2014: <tbody class="itemWrapper" name="item.N.ITEMID.ASIN">.
  'tbody.itemWrapper[name^="item."]',
  // Bestseller grids: one #gridItemRoot per rank (the id repeats), and the older <li class="zg-item-immersion">.
  '[id="gridItemRoot"]',
  'li.zg-item-immersion',
].join(', ');
/** Where an item names its title: a result's heading, a wish list's item link, an old result's title link. */
export const LIST_TITLE_SELECTORS = 'h2, a[id^="itemName_"], .s-access-title';
