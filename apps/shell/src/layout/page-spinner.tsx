import { Flex, Spin } from 'antd';

/** Centred spinner for a page that is still loading. */
export function PageSpinner() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin size="large" />
    </Flex>
  );
}
