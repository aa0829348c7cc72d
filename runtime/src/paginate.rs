//! Token pagination as `futures_core::Stream`s: [`PageStream`] yields whole pages, following
//! the output token into the next request; [`ItemStream`] flattens them into items. Each page
//! is a full operation call (signing, retries, timeouts). The streams are driven by whoever
//! polls them, so they work on any executor and spawn nothing.
//!
//! Paging stops when the output token is absent or empty, or after `max_pages`. A token the
//! service already returned ends the stream with [`Error::Pagination`] (after the page that
//! carried it), so a misbehaving server cannot make a paginator loop forever. An error ends the
//! stream after it is yielded once; pages and items already yielded are unaffected.

use std::collections::HashSet;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::error::{Error, PaginationError};
use crate::BoxFuture;

/// Sends one page request.
pub type SendPage<I, O, E> =
    Arc<dyn Fn(I) -> BoxFuture<'static, Result<O, Error<E>>> + Send + Sync>;

/// How a paginator reads and writes the token of one operation.
pub struct TokenAccess<I, O> {
    /// The output's next token, if any.
    pub output_token: fn(&O) -> Option<&str>,
    /// Stores the token into the next request.
    pub set_input_token: fn(&mut I, String),
}

enum State<O, E> {
    Ready,
    InFlight(BoxFuture<'static, Result<O, Error<E>>>),
    /// A page was yielded whose token repeats an earlier one: yield this error next.
    Failing(PaginationError),
    Done,
}

/// A stream of pages (`Result<Output, Error<E>>`).
pub struct PageStream<I, O, E> {
    next_input: I,
    send: SendPage<I, O, E>,
    tokens: TokenAccess<I, O>,
    max_pages: Option<usize>,
    pages: usize,
    seen: HashSet<String>,
    state: State<O, E>,
}

impl<I, O, E> PageStream<I, O, E>
where
    I: Clone + Send + 'static,
{
    /// A stream starting from `first_input` (whose token, if set, is the first one sent).
    pub fn new(
        first_input: I,
        send: SendPage<I, O, E>,
        tokens: TokenAccess<I, O>,
        max_pages: Option<usize>,
    ) -> Self {
        Self {
            next_input: first_input,
            send,
            tokens,
            max_pages,
            pages: 0,
            seen: HashSet::new(),
            state: State::Ready,
        }
    }

    /// Flattens the pages into items, taking each page's items with `items`.
    pub fn items<T>(self, items: fn(O) -> Vec<T>) -> ItemStream<I, O, T, E> {
        ItemStream {
            pages: self,
            items,
            current: Vec::new().into_iter(),
        }
    }

    fn after_page(&mut self, page: &O) {
        self.pages += 1;
        let token = (self.tokens.output_token)(page)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        self.state = match token {
            None => State::Done,
            Some(token) if !self.seen.insert(token.clone()) => {
                State::Failing(PaginationError::repeated_token(token, self.pages))
            }
            Some(token) => {
                (self.tokens.set_input_token)(&mut self.next_input, token);
                if self.max_pages.is_some_and(|max| self.pages >= max) {
                    State::Done
                } else {
                    State::Ready
                }
            }
        };
    }
}

impl<I, O, E> Stream for PageStream<I, O, E>
where
    I: Clone + Send + Unpin + 'static,
{
    type Item = Result<O, Error<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            match &mut this.state {
                State::Done => return Poll::Ready(None),
                State::Failing(_) => {
                    let State::Failing(err) = std::mem::replace(&mut this.state, State::Done)
                    else {
                        return Poll::Ready(None);
                    };
                    return Poll::Ready(Some(Err(Error::Pagination(err))));
                }
                State::Ready => {
                    if this.max_pages == Some(0) {
                        this.state = State::Done;
                        continue;
                    }
                    let future = (this.send)(this.next_input.clone());
                    this.state = State::InFlight(future);
                }
                State::InFlight(future) => {
                    return match future.as_mut().poll(cx) {
                        Poll::Pending => Poll::Pending,
                        Poll::Ready(Err(err)) => {
                            this.state = State::Done;
                            Poll::Ready(Some(Err(err)))
                        }
                        Poll::Ready(Ok(page)) => {
                            this.after_page(&page);
                            Poll::Ready(Some(Ok(page)))
                        }
                    };
                }
            }
        }
    }
}

/// A stream of items (`Result<Item, Error<E>>`) across pages.
pub struct ItemStream<I, O, T, E> {
    pages: PageStream<I, O, E>,
    items: fn(O) -> Vec<T>,
    current: std::vec::IntoIter<T>,
}

impl<I, O, T, E> Stream for ItemStream<I, O, T, E>
where
    I: Clone + Send + Unpin + 'static,
    T: Unpin,
{
    type Item = Result<T, Error<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.current.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut this.pages).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(err))) => return Poll::Ready(Some(Err(err))),
                Poll::Ready(Some(Ok(page))) => this.current = (this.items)(page).into_iter(),
            }
        }
    }
}

impl<I, O, E> std::fmt::Debug for PageStream<I, O, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageStream")
            .field("pages", &self.pages)
            .field("max_pages", &self.max_pages)
            .finish_non_exhaustive()
    }
}

impl<I, O, T, E> std::fmt::Debug for ItemStream<I, O, T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemStream")
            .field("pages", &self.pages)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ConstructionError;
    use std::sync::Mutex;

    #[derive(Clone, Debug, Default)]
    struct Input {
        token: Option<String>,
    }

    #[derive(Debug)]
    struct Page {
        items: Vec<u32>,
        next: Option<String>,
    }

    type Script = Arc<Mutex<Vec<Result<Page, Error<()>>>>>;
    type Sent = Arc<Mutex<Vec<Option<String>>>>;

    fn stream(
        script: Vec<Result<Page, Error<()>>>,
        max_pages: Option<usize>,
    ) -> (PageStream<Input, Page, ()>, Sent) {
        let script: Script = Arc::new(Mutex::new(script.into_iter().rev().collect()));
        let sent = Arc::new(Mutex::new(Vec::new()));
        let sent2 = sent.clone();
        let send: SendPage<Input, Page, ()> = Arc::new(move |input: Input| {
            sent2.lock().unwrap().push(input.token.clone());
            let next = script
                .lock()
                .unwrap()
                .pop()
                .expect("script exhausted: too many requests");
            Box::pin(async move { next })
        });
        let tokens = TokenAccess {
            output_token: |p: &Page| p.next.as_deref(),
            set_input_token: |i: &mut Input, t| i.token = Some(t),
        };
        (
            PageStream::new(Input::default(), send, tokens, max_pages),
            sent,
        )
    }

    fn page(items: &[u32], next: Option<&str>) -> Result<Page, Error<()>> {
        Ok(Page {
            items: items.to_vec(),
            next: next.map(str::to_owned),
        })
    }

    fn collect<S: Stream + Unpin>(mut s: S) -> Vec<S::Item> {
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut out = Vec::new();
        while let Poll::Ready(Some(item)) = Pin::new(&mut s).poll_next(&mut cx) {
            out.push(item);
        }
        out
    }

    #[test]
    fn follows_tokens_until_absent_or_empty() {
        let (s, sent) = stream(
            vec![
                page(&[1, 2], Some("a")),
                page(&[3], Some("b")),
                page(&[4], Some("")),
            ],
            None,
        );
        let items: Vec<u32> = collect(s.items(|p| p.items))
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(items, vec![1, 2, 3, 4]);
        assert_eq!(
            *sent.lock().unwrap(),
            vec![None, Some("a".into()), Some("b".into())]
        );
    }

    #[test]
    fn repeated_token_yields_page_then_error_then_ends() {
        let (s, sent) = stream(vec![page(&[1], Some("a")), page(&[2], Some("a"))], None);
        let out = collect(s);
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok() && out[1].is_ok());
        match &out[2] {
            Err(Error::Pagination(e)) => {
                assert_eq!(e.token(), "a");
                assert_eq!(e.pages(), 2);
                assert!(e.to_string().contains("a second time"));
            }
            other => panic!("expected a pagination error, got {other:?}"),
        }
        assert_eq!(sent.lock().unwrap().len(), 2);
    }

    #[test]
    fn error_is_yielded_once_and_ends_the_stream() {
        let err = Error::Construction(ConstructionError::other("boom"));
        let (s, sent) = stream(vec![page(&[1, 2], Some("a")), Err(err)], None);
        let out = collect(s.items(|p| p.items));
        assert_eq!(out.len(), 3);
        assert_eq!(*out[0].as_ref().unwrap(), 1);
        assert_eq!(*out[1].as_ref().unwrap(), 2);
        assert!(matches!(out[2], Err(Error::Construction(_))));
        assert_eq!(sent.lock().unwrap().len(), 2);
    }

    #[test]
    fn max_pages_limits_requests() {
        let (s, sent) = stream(vec![page(&[1], Some("a")), page(&[2], Some("b"))], Some(2));
        assert_eq!(collect(s).len(), 2);
        assert_eq!(sent.lock().unwrap().len(), 2);
        let (s, sent) = stream(vec![], Some(0));
        assert!(collect(s).is_empty());
        assert!(sent.lock().unwrap().is_empty());
    }
}
