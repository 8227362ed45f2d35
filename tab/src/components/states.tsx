import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiError } from '../api.js';

/** Loading, empty and error states, worded for people, shown the same way in every view. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" role="status" />;
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div role="status" style={{ padding: '16px 0' }}>
      <Text>{children}</Text>
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  const detail = error instanceof ApiError ? error.detail : 'Something went wrong on our side. Please try again.';
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
