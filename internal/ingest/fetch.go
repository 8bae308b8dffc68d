package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// UserAgent is what parley sends with every request.
const UserAgent = "parley/0.1 (+news report ingester)"

// maxRedirects is the number of redirects followed for one fetch.
const maxRedirects = 5

// connectTimeout bounds the TCP connection and the TLS handshake.
const connectTimeout = 10 * time.Second

// ErrNonPublic is the cause when an address is refused because it is not a
// public internet address.
var ErrNonPublic = errors.New("not a public address (use --allow-private to fetch it)")

// nonPublic lists address ranges refused besides those netip classifies
// (loopback, private, link-local, multicast, unspecified).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may embed a private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments (Teredo, ORCHID…)
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4: may embed a private IPv4
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

// checkPublic returns an error wrapping ErrNonPublic when ip is not a
// public unicast address.
func checkPublic(ip netip.Addr) error {
	ip = ip.Unmap()
	kind := ""
	switch {
	case !ip.IsValid():
		kind = "an invalid address"
	case ip.IsLoopback():
		kind = "a loopback address"
	case ip.IsPrivate():
		kind = "a private address"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		kind = "a link-local address"
	case ip.IsUnspecified():
		kind = "an unspecified address"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		kind = "a multicast address"
	}
	if kind == "" {
		for _, p := range nonPublic {
			if p.Contains(ip) {
				kind = "a reserved address (" + p.String() + ")"
				break
			}
		}
	}
	if kind == "" {
		return nil
	}
	return fmt.Errorf("%s is %s: %w", ip, kind, ErrNonPublic)
}

// fetcher fetches pages and feeds over http and https.
type fetcher struct {
	client   *http.Client
	maxBytes int64
}

// newFetcher returns a fetcher whose every connection — the first and
// those after redirects — is checked at dial time on the resolved address,
// so neither a redirect nor a DNS answer can lead it to a private address
// unless allowPrivate. Proxies from the environment are not used: a proxy
// would dial for us and bypass the check.
func newFetcher(allowPrivate bool, timeout time.Duration, maxBytes int64) *fetcher {
	dialer := &net.Dialer{
		Timeout:   min(connectTimeout, timeout),
		KeepAlive: 30 * time.Second,
	}
	if !allowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return fmt.Errorf("refused %s: %w", address, err)
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return fmt.Errorf("refused %s: %w", address, err)
			}
			return checkPublic(ip)
		}
	}
	transport := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    min(connectTimeout, timeout),
		ResponseHeaderTimeout:  timeout,
		MaxResponseHeaderBytes: 1 << 20,
		MaxIdleConns:           16,
		IdleConnTimeout:        30 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	client := &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
			}
			return nil
		},
	}
	return &fetcher{client: client, maxBytes: maxBytes}
}

// response is a fetched body with what ingest needs of its headers.
type response struct {
	url          string // after redirects
	body         []byte
	contentType  string
	etag         string
	lastModified string
	notModified  bool
}

// checkURL accepts only absolute http and https URLs.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q (only http and https)", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL has no host")
	}
	return u, nil
}

// fetch GETs a URL, with conditional headers when etag or lastModified are
// given (a 304 gives notModified). The body is read up to maxBytes; a
// larger one is an error.
func (f *fetcher) fetch(ctx context.Context, raw, etag, lastModified string) (response, error) {
	u, err := checkURL(raw)
	if err != nil {
		return response{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return response{}, fmt.Errorf("request: %w", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json, text/plain;q=0.9, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return response{}, describeFetchError(err)
	}
	defer resp.Body.Close()
	r := response{
		url:          resp.Request.URL.String(),
		contentType:  resp.Header.Get("Content-Type"),
		etag:         resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		r.notModified = true
		return r, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return response{}, fmt.Errorf("HTTP status %s", resp.Status)
	}
	if resp.ContentLength > f.maxBytes {
		return response{}, fmt.Errorf("body is %d bytes, over the %d-byte limit (--max-bytes)", resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return response{}, describeFetchError(err)
	}
	if int64(len(body)) > f.maxBytes {
		return response{}, fmt.Errorf("body is over the %d-byte limit (--max-bytes)", f.maxBytes)
	}
	r.body = body
	return r, nil
}

// describeFetchError turns transport errors into a short reason.
func describeFetchError(err error) error {
	if errors.Is(err, ErrNonPublic) {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Err != nil {
			return fmt.Errorf("refused: %w", oe.Err)
		}
		return fmt.Errorf("refused: %w", err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the failure already names the URL
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return fmt.Errorf("timed out: %w", err)
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isURL reports whether an input names a URL rather than a path.
func isURL(input string) bool {
	i := strings.Index(input, "://")
	return i > 0 && !strings.ContainsAny(input[:i], `/\.`)
}
